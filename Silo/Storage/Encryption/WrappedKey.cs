namespace Switchboard.Silo.Storage.Encryption;

/// <summary>A data key as stored: sealed by the key named in <see cref="WrappedBy"/> (a master key's id, or <see cref="BySiteKey"/>).</summary>
public sealed record WrappedKey(string WrappedBy, byte[] Sealed)
{
    public const string BySiteKey = "site";
}
