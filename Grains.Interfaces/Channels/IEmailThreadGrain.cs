namespace Switchboard.Contracts.Channels;

/// <summary>
/// One e-mail thread of a site (key <c>{site}/em:{threadKey}</c>, the key being the conversation's contact id): what
/// the customer's mails and our replies said in their headers, so a reply threads under the customer's last message.
/// </summary>
[Alias("Switchboard.IEmailThreadGrain")]
public interface IEmailThreadGrain : IGrainWithStringKey
{
    /// <summary>A customer's message in the thread (idempotent by its Message-ID); the first one sets the subject.</summary>
    [Alias("Received")]
    Task Received(string address, string? name, string subject, string messageId);

    /// <summary>One of our replies left with <paramref name="messageId"/>.</summary>
    [Alias("Sent")]
    Task Sent(string messageId);

    /// <summary>The thread, or null when no mail of it was ever received.</summary>
    [Alias("Get")]
    Task<EmailThread?> Get();
}
