namespace Switchboard.Domain.CoBrowsing;

/// <summary>
/// One chat's co-browsing consent: the operator asks, the visitor accepts or declines; while the page is shared the
/// operator may ask again, separately, to fill in fields. Nothing of the page moves without the first consent, and no
/// field is filled without the second. Either side stops it at any time; so do the chat closing or changing hands.
/// Held in memory only: a session does not outlive its conversation's activation, and a new one asks again.
/// </summary>
public sealed class CoBrowseConsent
{
    public CoBrowseStage Stage { get; private set; } = CoBrowseStage.Off;

    /// <summary>The operator asked to fill in fields and the visitor has not answered yet.</summary>
    public bool ControlAsked { get; private set; }

    /// <summary>The visitor allowed the operator to fill in fields, for this session.</summary>
    public bool ControlAllowed { get; private set; }

    public CoBrowseVerdict Judge(CoBrowseSide from, string action) => (from, action) switch
    {
        (CoBrowseSide.Operator, CoBrowseActions.Request) => Stage == CoBrowseStage.Off
            ? Move(CoBrowseStage.Asked) : CoBrowseVerdict.Refused("Co-browsing was already asked for."),
        (CoBrowseSide.Visitor, CoBrowseActions.Accept) => Stage == CoBrowseStage.Asked
            ? Move(CoBrowseStage.Sharing) : NotAsked,
        (CoBrowseSide.Visitor, CoBrowseActions.Decline) => Stage == CoBrowseStage.Asked
            ? Move(CoBrowseStage.Off) : NotAsked,
        (CoBrowseSide.Operator, CoBrowseActions.RequestControl) => Stage == CoBrowseStage.Sharing && !ControlAllowed
            ? AskControl() : CoBrowseVerdict.Refused("Filling in fields can be asked for once the page is shared."),
        (CoBrowseSide.Visitor, CoBrowseActions.AllowControl) => ControlAsked ? AnswerControl(allowed: true) : NotAsked,
        (CoBrowseSide.Visitor, CoBrowseActions.DenyControl) => ControlAsked ? AnswerControl(allowed: false) : NotAsked,
        (_, CoBrowseActions.Stop) => Stage == CoBrowseStage.Off
            ? CoBrowseVerdict.Refused("No co-browsing session is on.") : Move(CoBrowseStage.Off),
        (CoBrowseSide.Visitor, CoBrowseActions.Dom or CoBrowseActions.View) => Sharing(CoBrowseVerdict.Operator),
        (CoBrowseSide.Operator, CoBrowseActions.Highlight or CoBrowseActions.Scroll) => Sharing(CoBrowseVerdict.Visitor),
        (CoBrowseSide.Operator, CoBrowseActions.Fill) => ControlAllowed && Stage == CoBrowseStage.Sharing
            ? CoBrowseVerdict.Visitor : CoBrowseVerdict.Refused("The visitor has not allowed filling in fields."),
        _ => CoBrowseVerdict.Refused($"'{action}' is not for this side."),
    };

    /// <summary>The chat closed or changed hands: true when a session was on (both sides are then told it stopped).</summary>
    public bool End()
    {
        var wasOn = Stage != CoBrowseStage.Off;
        Move(CoBrowseStage.Off);
        return wasOn;
    }

    private static readonly CoBrowseVerdict NotAsked = CoBrowseVerdict.Refused("Nothing is waiting for that answer.");

    private CoBrowseVerdict Sharing(CoBrowseVerdict to) =>
        Stage == CoBrowseStage.Sharing ? to : CoBrowseVerdict.Refused("The visitor is not sharing the page.");

    private CoBrowseVerdict Move(CoBrowseStage stage)
    {
        Stage = stage;
        if (stage != CoBrowseStage.Sharing)
        {
            ControlAsked = ControlAllowed = false;
        }
        return CoBrowseVerdict.Both;
    }

    private CoBrowseVerdict AskControl()
    {
        ControlAsked = true;
        return CoBrowseVerdict.Both;
    }

    private CoBrowseVerdict AnswerControl(bool allowed)
    {
        (ControlAsked, ControlAllowed) = (false, allowed);
        return CoBrowseVerdict.Both;
    }
}
