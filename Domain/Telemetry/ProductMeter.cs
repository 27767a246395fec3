namespace Switchboard.Domain.Telemetry;

/// <summary>The product's meter, shared by the silo's instruments and the gateway's: one name for dashboards to select.</summary>
public static class ProductMeter
{
    public const string Name = "Switchboard";
}
