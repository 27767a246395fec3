using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Contracts.Campaigns;

namespace Switchboard.Domain.Campaigns;

/// <summary>
/// A contact's <c>data</c> (the quote, the item, or the order): what each kind needs of it, and prompts filled from it.
/// Values are read as text; an array (an order's <c>items</c>) is read as its elements' <c>name</c>s (or texts), joined.
/// </summary>
public static partial class ContactData
{
    /// <summary>The fields a kind's default prompts speak: without them a call would say nothing useful.</summary>
    public static IReadOnlyList<string> Required(string kind) => kind switch
    {
        CampaignKinds.QuoteReminder => ["quote"],
        CampaignKinds.BackInStock => ["item", "link"],
        CampaignKinds.OrderConfirmation => ["order", "items", "deliveryDate"],
        _ => [],
    };

    /// <summary>Why <paramref name="data"/> cannot serve a <paramref name="kind"/> call, or null when it can.</summary>
    public static string? Problem(string kind, JsonElement? data)
    {
        var missing = Required(kind).Where(field => Read(data, field) is null).ToList();
        return missing.Count == 0 ? null : $"data lacks {string.Join(", ", missing)} (a {kind} call speaks them)";
    }

    /// <summary>A field as text, or null when absent or empty.</summary>
    public static string? Read(JsonElement? data, string field)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty(field, out var property))
        {
            return null;
        }
        var text = property.ValueKind switch
        {
            JsonValueKind.String => property.GetString(),
            JsonValueKind.Number => property.GetRawText(),
            JsonValueKind.Array => string.Join(", ", property.EnumerateArray().Select(Element).Where(e => !string.IsNullOrEmpty(e))),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public static JsonElement? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();

    /// <summary><paramref name="template"/> with each <c>{field}</c> replaced by the contact's value (<c>{name}</c> by their name); unknown fields by nothing.</summary>
    public static string Fill(string template, string? json, string? name)
    {
        var data = Parse(json);
        return Placeholder().Replace(template, match => match.Groups[1].Value == "name" ? name ?? "" : Read(data, match.Groups[1].Value) ?? "");
    }

    private static string? Element(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object when element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
