using System.Text.Json;

namespace Switchboard.Gateway.Campaigns;

/// <summary>One contact as a retailer sends it (CHANNELS.md): <c>{phone, customerId?, name?, data?}</c>, and <c>timeZone?</c> (an extension).</summary>
public sealed record ContactJson(string? Phone, string? CustomerId, string? Name, JsonElement? Data, string? TimeZone);
