namespace Switchboard.Gateway.Forms;

/// <summary>The answer to a submission: its id and the conversation it is waiting in.</summary>
public sealed record FormReceipt(string SubmissionId, string ConversationId);
