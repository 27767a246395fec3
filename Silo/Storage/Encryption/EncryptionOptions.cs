namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The <c>Encryption</c> configuration section: the master key that protects every site's data key. Required
/// outside Development; give it through the environment (<c>Encryption__MasterKey</c>), never in a file.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>The current master key: 32 random bytes, base64 (<c>openssl rand -base64 32</c>). New and re-wrapped keys use it.</summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Earlier master keys during a rotation: site keys wrapped by one of them are re-wrapped under
    /// <see cref="MasterKey"/> at start, after which they can be removed.
    /// </summary>
    public List<string> RetiredMasterKeys { get; set; } = [];

    /// <summary>
    /// Instead of <see cref="MasterKey"/>: a certificate whose private key the master key is derived from
    /// (<see cref="CertificateMasterKey"/>), so the key ring is protected by the certificate.
    /// </summary>
    public CertificateSetting? Certificate { get; set; }

    /// <summary>Earlier certificates during a rotation, as <see cref="RetiredMasterKeys"/>.</summary>
    public List<CertificateSetting> RetiredCertificates { get; set; } = [];
}
