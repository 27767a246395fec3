namespace Switchboard.Gateway.Crm;

/// <summary>The CRM's card as the console gets it, with how it was matched (<see cref="CardMatch"/>).</summary>
public sealed record MatchedCustomerCard(string MatchedBy, CustomerCard.CustomerInfo Customer, IReadOnlyList<CustomerCard.Order> Orders)
{
    public MatchedCustomerCard(string matchedBy, CustomerCard card) : this(matchedBy, card.Customer, card.Orders)
    {
        CampaignAnswers = card.CampaignAnswers;
    }

    /// <summary>What the customer answered robot call campaigns, newest first, when the CRM keeps them (docs/crm.md).</summary>
    public IReadOnlyList<CustomerCard.CampaignAnswerEntry>? CampaignAnswers { get; init; }
}
