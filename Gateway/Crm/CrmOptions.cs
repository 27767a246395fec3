namespace Switchboard.Gateway.Crm;

/// <summary>The <c>Crm</c> section: where the customer-card connector asks (docs/crm.md).</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>The CRM's base URL; empty uses the demo CRM this gateway serves at <c>/demo-crm</c>.</summary>
    public string Endpoint { get; set; } = "";

    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string ApiKey { get; set; } = "";
}
