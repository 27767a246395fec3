using Microsoft.Extensions.Hosting;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>The configured master keys: the current one, and retired ones still accepted for unwrapping during a rotation.</summary>
public sealed class MasterKeys
{
    public const string Setting = "Encryption__MasterKey";

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
        if (string.IsNullOrWhiteSpace(options.MasterKey))
        {
            if (environment is null || !environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"No master key for personal data at rest in the '{environment?.EnvironmentName}' environment. Set {Setting} " +
                    "to 32 random bytes in base64 (openssl rand -base64 32), kept in your secret store; losing it loses every " +
                    "stored conversation (docs/security.md, \"Key management\").");
            }
            options.MasterKey = DevelopmentKey;
        }
        var retired = options.RetiredMasterKeys.Select((key, i) => MasterKey.Parse(key, $"Encryption__RetiredMasterKeys__{i}"));
        return new MasterKeys(MasterKey.Parse(options.MasterKey, Setting), retired);
    }
}
