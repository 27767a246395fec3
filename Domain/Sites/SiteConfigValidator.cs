using Switchboard.Contracts.Sites;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Sites;

/// <summary>What a valid site configuration is: problems keyed by field, as problem details report them.</summary>
public static class SiteConfigValidator
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 10;

    public static Dictionary<string, string[]> Validate(SiteConfig config)
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string problem) =>
            problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, problem] : [problem];

        if (config.Language is not ("ru" or "en" or "auto"))
        {
            Add("language", "Use ru, en or auto.");
        }
        if (config.TimeZone is { } zone && !WorkingHoursCalendar.IsValidTimeZone(zone))
        {
            Add("timeZone", $"'{zone}' is not a time zone such as Europe/Moscow.");
        }
        if (config.FindQueue(config.DefaultQueue) is null)
        {
            Add("defaultQueue", $"'{config.DefaultQueue}' is not one of the site's queues.");
        }
        foreach (var origin in config.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                Add("allowedOrigins", $"'{origin}' is not an origin such as https://shop.example.");
            }
        }
        foreach (var queue in config.Queues)
        {
            ValidateQueue(queue, Add);
        }
        Help.WaitingHelpRules.Validate(config.WaitingHelp, Add);
        if (config.CallWeight is < MinCapacity or > MaxCapacity)
        {
            Add("callWeight", $"A call weighs {MinCapacity} to {MaxCapacity} seats.");
        }
        foreach (var account in config.Operators)
        {
            var field = $"operators.{account.Login}";
            if (account.Capacity is < MinCapacity or > MaxCapacity)
            {
                Add(field, $"Capacity is {MinCapacity} to {MaxCapacity}.");
            }
            if (account.Role is not (Roles.Operator or Roles.Supervisor))
            {
                Add(field, "Role is operator or supervisor.");
            }
            foreach (var queue in account.Queues.Where(q => config.FindQueue(q) is null))
            {
                Add(field, $"'{queue}' is not one of the site's queues.");
            }
        }
        foreach (var rule in config.RoutingRules.Where(r => config.FindQueue(r.Queue) is null))
        {
            Add("routingRules", $"'{rule.Queue}' is not one of the site's queues.");
        }
        ValidateInvitations(config, Add);
        if (CannedResponses.Validate(config.CannedResponses) is { } canned)
        {
            Add("cannedResponses", canned);
        }
        if (config.Tags.Any(string.IsNullOrWhiteSpace) || config.Tags.Distinct().Count() != config.Tags.Count)
        {
            Add("tags", "Tags are distinct and not empty.");
        }
        var monitor = config.Monitor;
        if (monitor.ServiceLevelSeconds < 1 || monitor.ServiceLevelMinPercent is < 0 or > 100 || monitor.FirstResponseMaxSeconds < 0
            || monitor.MissedMax < 0 || monitor.RatingMin is < 1 or > 5 || monitor.QueueWaitMaxSeconds < 1)
        {
            Add("monitor", "Thresholds: service level seconds ≥ 1, percent 0–100, rating 1–5, the rest ≥ 0.");
        }
        return problems;
    }

    private static void ValidateInvitations(SiteConfig config, Action<string, string> add)
    {
        var invitations = config.Invitations;
        if (invitations.WidgetSharePercent is < 0 or > 100)
        {
            add("invitations.widgetSharePercent", "The widget's share is 0 to 100 percent.");
        }
        if (invitations.MinMinutesBetween < 0 || invitations.MaxPerVisit < 0 || invitations.DismissCooldownMinutes < 0)
        {
            add("invitations", "Caps are 0 or more.");
        }
        if (invitations.Rules.Select(r => r.Id).Distinct().Count() != invitations.Rules.Count)
        {
            add("invitations.rules", "Rule ids are distinct.");
        }
        foreach (var rule in invitations.Rules)
        {
            var field = $"invitations.rules.{rule.Id}";
            if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id == "manual" || string.IsNullOrWhiteSpace(rule.Text))
            {
                add(field, "A rule needs an id (not 'manual') and a text.");
            }
            if (rule.Queue is not null && config.FindQueue(rule.Queue) is null)
            {
                add(field, $"'{rule.Queue}' is not one of the site's queues.");
            }
            if (new[] { rule.MinPageSeconds, rule.MinSiteSeconds, rule.MinPages, rule.CartUnchangedMinutes }.Any(v => v < 0) || rule.CartTotalAtLeast < 0)
            {
                add(field, "Thresholds are 0 or more.");
            }
        }
    }

    /// <summary>
    /// The longest delay a queue setting may ask for: 30 days. Deadlines become grain timers, which cannot be armed
    /// beyond about 49 days (an inactivity limit of 71,583 minutes or more crashed the conversation's timer).
    /// </summary>
    public const int MaxDelaySeconds = 30 * 24 * 3600;

    private static void ValidateQueue(QueueConfig queue, Action<string, string> add)
    {
        var field = $"queues.{queue.Id}";
        if (string.IsNullOrWhiteSpace(queue.Id) || queue.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            add(field, "A queue id is letters, digits, '-' and '_'.");
        }
        if (queue.Hold is { } hold && (hold.RepeatSeconds < 0 || hold.RepeatSeconds > MaxDelaySeconds
            || hold.Steps.Any(s => s.AfterSeconds is < 1 or > MaxDelaySeconds || string.IsNullOrWhiteSpace(s.Text))
            || hold.Steps.Zip(hold.Steps.Skip(1)).Any(p => p.Second.AfterSeconds <= p.First.AfterSeconds)))
        {
            add(field, "Hold steps need rising delays of 1 s to 30 days and a text; the repeat is 0 s to 30 days.");
        }
        foreach (var (name, value, max) in new[] { ("noAnswerSeconds", queue.NoAnswerSeconds, MaxDelaySeconds), ("maxWaitSeconds", queue.MaxWaitSeconds, MaxDelaySeconds),
                     ("maxEtaSeconds", queue.MaxEtaSeconds, MaxDelaySeconds), ("stickyGraceSeconds", queue.StickyGraceSeconds, MaxDelaySeconds),
                     ("inactivityMinutes", queue.InactivityMinutes, MaxDelaySeconds / 60) })
        {
            if (value is < 1)
            {
                add(field, $"{name} is at least 1.");
            }
            else if (value > max)
            {
                add(field, $"{name} is at most {max} (30 days).");
            }
        }
        if (queue.CallWeight is < MinCapacity or > MaxCapacity)
        {
            add(field, $"callWeight is {MinCapacity} to {MaxCapacity} seats.");
        }
        if (queue.Hours is { } hours)
        {
            if (!WorkingHoursCalendar.IsValidTimeZone(hours.TimeZone))
            {
                add(field, $"'{hours.TimeZone}' is not a time zone.");
            }
            foreach (var (day, range) in hours.Days.Where(d => !WorkingHoursCalendar.TryParse(d.Value, out _, out _)))
            {
                add(field, $"{day}: '{range}' is not HH:mm-HH:mm.");
            }
        }
        if (queue.Form.Select(f => f.Id).Distinct().Count() != queue.Form.Count || queue.Form.Any(f => string.IsNullOrWhiteSpace(f.Id)))
        {
            add(field, "Form fields need distinct, non-empty ids.");
        }
    }
}
