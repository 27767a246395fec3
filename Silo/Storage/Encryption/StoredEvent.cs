namespace Switchboard.Silo.Storage.Encryption;

/// <summary>An event as a row holds it: the JSON without personal fields, and those fields sealed (null when it has none).</summary>
public readonly record struct StoredEvent(string Payload, byte[]? Sealed);
