namespace Switchboard.Gateway.Crm;

/// <summary>How a customer card was matched to a chat, shown on the card so the operator knows how far to trust it.</summary>
public static class CardMatch
{
    /// <summary>The customer id the shop signed (hello.identity), or one the retailer linked over REST.</summary>
    public const string VerifiedCustomerId = "verified_customer_id";

    /// <summary>A phone number the operator confirmed with the customer in person, e.g. by calling it back.</summary>
    public const string OperatorConfirmedPhone = "operator_confirmed_phone";
}
