namespace Switchboard.Gateway.Channels.Phone;

/// <summary>One site's generic phone adapter: the secret both sides sign with, and where outbound commands go.</summary>
public sealed record PhoneChannel(string SigningSecret, string? CommandUrl);
