namespace Switchboard.Tests.Model;

/// <summary>What a visitor and an operator can do to a chat in the delivery model's sequences.</summary>
public enum DeliveryStep
{
    /// <summary>The visitor sends a new message.</summary>
    Send,
    /// <summary>The visitor sends its last frame again with the same client id, as after a lost acknowledgement.</summary>
    Retry,
    /// <summary>The visitor's socket drops; a new one says hello with the token and resumes after the last event it saw.</summary>
    Reconnect,
    /// <summary>The operator answers.</summary>
    Reply,
}
