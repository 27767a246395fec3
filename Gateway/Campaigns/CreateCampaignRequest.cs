using System.Globalization;
using Switchboard.Contracts.Campaigns;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Gateway.Campaigns;

/// <summary>CHANNELS.md's create body as sent, checked whole into a <see cref="CampaignDefinition"/> or one clear reason why not.</summary>
public sealed record CreateCampaignRequest(
    string? Name, string? Kind, int? AfterDays, CreateCampaignRequest.Hours? CallingHours, int? Concurrency, int? MaxAttempts, int? RetryMinutes,
    string? Language, Dictionary<string, string>? Prompts, int? ReofferDays, string? WhatsAppTemplate)
{
    public const int MaxConcurrency = 1000;
    public const int MaxAttemptsLimit = 20;

    public sealed record Hours(string? From, string? To, string? TimeZone);

    public (CampaignDefinition? Definition, string? Problem) ToDefinition()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            return (null, "name is required, at most 200 characters");
        }
        if (Kind is null || !CampaignKinds.All.Contains(Kind))
        {
            return (null, $"kind must be one of {string.Join(", ", CampaignKinds.All)}");
        }
        if (CallingHours is null || !TryTime(CallingHours.From, out var from) || !TryEnd(CallingHours.To, out var to))
        {
            return (null, "callingHours needs from and to as HH:mm (to may be 24:00; equal times call around the clock)");
        }
        if (CallingWindow.Zone(CallingHours.TimeZone) is null)
        {
            return (null, $"callingHours.timeZone '{CallingHours.TimeZone}' is not a known time zone (an IANA name such as Europe/Moscow)");
        }
        if (Concurrency is not (>= 1 and <= MaxConcurrency))
        {
            return (null, $"concurrency must be 1 to {MaxConcurrency}");
        }
        if (MaxAttempts is not (>= 1 and <= MaxAttemptsLimit))
        {
            return (null, $"maxAttempts must be 1 to {MaxAttemptsLimit}");
        }
        if (RetryMinutes is not (>= 1 and <= 7 * 24 * 60))
        {
            return (null, "retryMinutes must be 1 to 10080 (a week)");
        }
        if (AfterDays is < 0 or > 365 || ReofferDays is < 1 or > 365)
        {
            return (null, "afterDays must be 0 to 365 and reofferDays 1 to 365");
        }
        if (Language is not (null or "ru" or "en"))
        {
            return (null, "language must be ru or en");
        }
        if (WhatsAppTemplate is not null && (Kind != CampaignKinds.BackInStock || WhatsAppTemplate.Length is 0 or > 512
            || !WhatsAppTemplate.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            return (null, "whatsAppTemplate is for back_in_stock campaigns: an approved template's name (lower-case letters, digits and _)");
        }
        if (Prompts is not null && CampaignPrompts.Missing(Kind, Prompts) is { } missing)
        {
            return (null, $"the script lacks the prompt '{missing}': a {Kind} campaign's prompts are {string.Join(", ", CampaignPrompts.Required(Kind))}");
        }
        return (new CampaignDefinition(Name.Trim(), Kind, new CallingHours(from, to, CallingHours.TimeZone), Concurrency.Value, MaxAttempts.Value, RetryMinutes.Value)
        {
            AfterDays = AfterDays,
            Language = Language,
            Prompts = Prompts,
            ReofferDays = ReofferDays,
            WhatsAppTemplate = WhatsAppTemplate,
        }, null);
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The window's end: a time of day, or 24:00 for the end of the day (midnight, as 00:00 is).</summary>
    private static bool TryEnd(string? text, out TimeOnly time)
    {
        if (text is "24:00" or "24:00:00")
        {
            time = TimeOnly.MinValue;
            return true;
        }
        return TryTime(text, out time);
    }
}
