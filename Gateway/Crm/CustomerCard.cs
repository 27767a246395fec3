namespace Switchboard.Gateway.Crm;

/// <summary>The CRM's answer (docs/crm.md): the customer and their orders.</summary>
public sealed record CustomerCard(CustomerCard.CustomerInfo Customer, IReadOnlyList<CustomerCard.Order> Orders)
{
    /// <summary>The customer's answers to robot call campaigns, newest first, when the CRM keeps them (docs/crm.md).</summary>
    public IReadOnlyList<CampaignAnswerEntry>? CampaignAnswers { get; init; }

    /// <summary>One answer to a campaign call: which campaign and question, and what was said.</summary>
    public sealed record CampaignAnswerEntry(string Campaign, string Kind, string Question, string Answer, DateTimeOffset At)
    {
        /// <summary>Set when the answer is written to the CRM; a card's own answers leave them out.</summary>
        public string? Site { get; init; }
        public string? Phone { get; init; }
        public string? CustomerId { get; init; }
    }

    public sealed record CustomerInfo(string Id, string Name, string? Email, string? Phone, string? Segment);

    /// <param name="DeliveryDate">When the order arrives or arrived, if the CRM says (optional in the contract).</param>
    public sealed record Order(string Number, DateOnly Date, decimal Total, string Currency, string Status, DateOnly? DeliveryDate = null);
}
