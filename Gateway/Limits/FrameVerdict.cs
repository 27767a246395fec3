namespace Switchboard.Gateway.Limits;

/// <summary>What a socket does with a frame its client sent.</summary>
public enum FrameVerdict
{
    /// <summary>Handle it.</summary>
    Admit,

    /// <summary>Answer <c>error rate_limited</c> and keep the socket.</summary>
    Refuse,

    /// <summary>The client keeps sending over its limit: close the socket with 1008.</summary>
    Close,
}
