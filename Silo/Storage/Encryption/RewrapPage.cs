namespace Switchboard.Silo.Storage.Encryption;

/// <summary>What one page of a re-wrap did: how many keys it wrapped again, and the owner to go on after (null: the pass is done).</summary>
public sealed record RewrapPage(int Rewrapped, string? ResumeAfter);
