namespace Switchboard.Contracts.Visitors;

/// <summary>
/// One customer across browsers, devices and channels (key <c>{site}/u:{customerId}</c>): the identities that resolve
/// to them, their conversations on every channel, and their last operator for sticky routing.
/// </summary>
[Alias("Switchboard.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("GetLastOperator")]
    Task<string?> GetLastOperator();

    [Alias("Served"), OneWay]
    Task Served(string operatorId);

    /// <summary>Records that <paramref name="identity"/> is this customer (the retailer's data or the shopper said so).</summary>
    [Alias("Link")]
    Task Link(ChannelIdentity identity);

    /// <summary>A conversation of this customer started on <paramref name="channel"/>.</summary>
    [Alias("ConversationStarted"), OneWay]
    Task ConversationStarted(string conversationId, string channel, DateTimeOffset startedAt);

    [Alias("GetProfile")]
    Task<CustomerProfile> GetProfile();

    /// <summary>
    /// Ids of every conversation of the customer, newest first, a page at a time (at most 500): the profile lists the
    /// latest 50, erasure and export need them all.
    /// </summary>
    [Alias("GetConversationIds")]
    Task<IReadOnlyList<string>> GetConversationIds(int skip, int take);

    /// <summary>Forgets the customer (an erasure): identities, conversations and last operator.</summary>
    [Alias("Forget")]
    Task Forget();
}
