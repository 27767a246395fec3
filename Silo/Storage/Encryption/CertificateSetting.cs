namespace Switchboard.Silo.Storage.Encryption;

/// <summary>A certificate with its private key in a PKCS#12 (.pfx) file, and the file's password (from the environment).</summary>
public sealed class CertificateSetting
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}
