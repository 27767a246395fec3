namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>kind</c> values of a <c>message</c> event.</summary>
public static class MessageKinds
{
    public const string Text = "text";
    public const string Hold = "hold";
    public const string Auto = "auto";
    public const string Invite = "invite";
    /// <summary>The help-while-waiting bot's answer (from <c>system</c>); its <c>reason</c> says what it answered from.</summary>
    public const string Bot = "bot";
}
