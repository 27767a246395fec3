namespace Switchboard.Gateway.CoBrowsing;

/// <summary>
/// Which of this gateway's consoles show each operator's co-browsing sessions. An operator with two consoles sees the
/// page in both, whichever asked; a console that closes stops only the sessions no other console of theirs here still
/// shows, so the operator keeps guiding from the one left open.
/// </summary>
public sealed class CoBrowseViewers
{
    private readonly Dictionary<(string Site, string Operator, string Conversation), HashSet<object>> _consoles = [];
    private readonly Lock _gate = new();

    /// <summary>The console shows the operator's session on the conversation (it asked, or the page came to it).</summary>
    public void Add(string site, string login, string conversationId, object console)
    {
        lock (_gate)
        {
            var key = (site, login, conversationId);
            if (!_consoles.TryGetValue(key, out var consoles))
            {
                _consoles[key] = consoles = new HashSet<object>(ReferenceEqualityComparer.Instance);
            }
            consoles.Add(console);
        }
    }

    /// <summary>The console no longer shows the session; true when it was the last of the operator's consoles here that did.</summary>
    public bool Remove(string site, string login, string conversationId, object console)
    {
        lock (_gate)
        {
            var key = (site, login, conversationId);
            if (!_consoles.TryGetValue(key, out var consoles) || !consoles.Remove(console))
            {
                return false;
            }
            if (consoles.Count > 0)
            {
                return false;
            }
            _consoles.Remove(key);
            return true;
        }
    }
}
