using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Silo.Crm;

/// <summary>
/// The <c>Crm</c> section: where the customer-card connector asks (docs/crm.md). The gateways read it for the card;
/// a silo running on its own reads it for the waiting-help bot's "Where is my order?".
/// </summary>
public sealed class CrmOptions : IValidatableObject
{
    public const string Section = "Crm";

    /// <summary>The key <see cref="Timeout"/> had before durations became TimeSpans; still read when it is absent.</summary>
    public const string LegacyTimeoutSecondsKey = "TimeoutSeconds";

    /// <summary>
    /// The CRM's base URL; empty means no CRM, except the demo CRM this gateway serves at <c>/demo-crm</c> for the demo
    /// site (<see cref="CrmScope"/>).
    /// </summary>
    public string Endpoint { get; set; } = "";

    /// <summary>How long the card may take, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Empty is allowed (no CRM), so <see cref="UrlAttribute"/>, which refuses it, does not fit.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint.Length > 0 && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"{Section}:{nameof(Endpoint)} must be an http or https URL, or empty.", [nameof(Endpoint)]);
        }
    }

    /// <summary><c>Crm:TimeoutSeconds</c> from before <c>Crm:Timeout</c>, so existing configuration keeps working.</summary>
    public static void ReadLegacyTimeout(IConfigurationSection section, CrmOptions options)
    {
        var seconds = section[LegacyTimeoutSecondsKey];
        if (section[nameof(Timeout)] is null && !string.IsNullOrEmpty(seconds))
        {
            options.Timeout = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
        }
    }
}
