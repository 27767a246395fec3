using System.Security.Cryptography;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// A master key and its id. The id is derived from the key (the start of its SHA-256), so stored keys can name the
/// master that wrapped them without the configuration naming anything, and a wrong key is recognised by its id.
/// </summary>
public sealed class MasterKey
{
    public const int Length = 32;

    private MasterKey(string id, byte[] key)
    {
        Id = id;
        Key = key;
    }

    public string Id { get; }
    internal byte[] Key { get; }

    /// <summary>The key in <paramref name="base64"/>, or an error that says what is wrong with it (never the key itself).</summary>
    public static MasterKey Parse(string base64, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64. Make one with: openssl rand -base64 32");
        }
        if (key.Length != Length)
        {
            throw new InvalidOperationException($"{setting} must be {Length} bytes (base64 of {Length} random bytes), not {key.Length}.");
        }
        return FromBytes(key);
    }

    /// <summary>A master key of <see cref="Length"/> bytes, e.g. derived from a certificate.</summary>
    public static MasterKey FromBytes(byte[] key) =>
        key.Length == Length
            ? new MasterKey(Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8)), key)
            : throw new ArgumentException($"A master key is {Length} bytes.", nameof(key));
}
