using Microsoft.Extensions.Hosting;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>The configured master keys: the current one, and retired ones still accepted for unwrapping during a rotation.</summary>
public sealed class MasterKeys
{
    public const string Setting = "Encryption__MasterKey";
    public const string CertificateSetting = "Encryption__Certificate";

    /// <summary>
    /// Development's fixed master key, public in this source: the quick start and tests run without configuring
    /// one, and nothing they store is secret. Outside Development a master key must be configured.
    /// </summary>
    public const string DevelopmentKey = "c3dpdGNoYm9hcmQtZGV2ZWxvcG1lbnQtb25seS1rZXk=";

    private readonly Dictionary<string, MasterKey> _byId;

    public MasterKeys(MasterKey current, IEnumerable<MasterKey> retired)
    {
        Current = current;
        _byId = retired.Append(current).ToDictionary(key => key.Id);
    }

    public MasterKey Current { get; }

    public IEnumerable<string> Ids => _byId.Keys;

    public MasterKey? Find(string id) => _byId.GetValueOrDefault(id);

    public static MasterKeys From(EncryptionOptions options, IHostEnvironment? environment)
    {
        var retired = options.RetiredMasterKeys.Select((key, i) => MasterKey.Parse(key, $"Encryption__RetiredMasterKeys__{i}"))
            .Concat(options.RetiredCertificates.Select((certificate, i) => CertificateMasterKey.Load(certificate, $"Encryption__RetiredCertificates__{i}")))
            .ToList();
        if (!string.IsNullOrWhiteSpace(options.Certificate?.Path))
        {
            if (!string.IsNullOrWhiteSpace(options.MasterKey))
            {
                throw new InvalidOperationException(
                    $"Both {Setting} and {CertificateSetting}__Path are set: keep one. To move from a key to a certificate, " +
                    $"give the key as Encryption__RetiredMasterKeys__0 until every silo has started once.");
            }
            return new MasterKeys(CertificateMasterKey.Load(options.Certificate, CertificateSetting), retired);
        }
        if (string.IsNullOrWhiteSpace(options.MasterKey))
        {
            if (environment is null || !environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"No master key for personal data at rest in the '{environment?.EnvironmentName}' environment. Set {Setting} " +
                    $"to 32 random bytes in base64 (openssl rand -base64 32), kept in your secret store, or {CertificateSetting}__Path " +
                    $"and {CertificateSetting}__Password to a .pfx file whose private key protects it; losing it loses every " +
                    "stored conversation (docs/security.md, \"Key management\").");
            }
            options.MasterKey = DevelopmentKey;
        }
        return new MasterKeys(MasterKey.Parse(options.MasterKey, Setting), retired);
    }
}
