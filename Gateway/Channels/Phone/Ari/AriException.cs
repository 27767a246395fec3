namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>An ARI request that did not do what was asked; the message says which request and why.</summary>
public sealed class AriException(string message) : Exception(message);
