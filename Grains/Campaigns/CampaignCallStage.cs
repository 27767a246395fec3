namespace Switchboard.Grains.Campaigns;

public enum CampaignCallStage
{
    /// <summary>Dialled; the customer has not picked up.</summary>
    Dialled,
    /// <summary>The script's question is asked.</summary>
    Asking,
    /// <summary>Order confirmation: the accessory is offered.</summary>
    CrossSell,
    /// <summary>The script is over; the call is hanging up.</summary>
    Finished,
    Ended,
}
