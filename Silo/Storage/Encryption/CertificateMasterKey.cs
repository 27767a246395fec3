using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// A master key that only the holder of a certificate's private key can compute, so the key ring is protected by the
/// certificate and no key is written anywhere: an RSA key signs a fixed label (PKCS#1 v1.5 signatures are
/// deterministic), an EC key agrees a secret with its own public key (ECDH); HKDF-SHA256 turns either into 32 bytes.
/// The same key pair always gives the same master key, so a certificate renewed with its key keeps the data readable;
/// a new key pair is a master key rotation (docs/security.md, "Key management").
/// </summary>
public static class CertificateMasterKey
{
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("switchboard master key from certificate v1");

    /// <summary>The master key of the certificate in the file, or an error that says what is wrong (never the password).</summary>
    public static MasterKey Load(CertificateSetting setting, string settingName)
    {
        if (string.IsNullOrWhiteSpace(setting.Path) || !File.Exists(setting.Path))
        {
            throw new InvalidOperationException($"{settingName}__Path names no file ('{setting.Path}'): give the path of a PKCS#12 (.pfx) file holding the certificate and its private key.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(setting.Path, setting.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"{settingName}__Path ('{setting.Path}') does not open with {settingName}__Password, or is not a PKCS#12 (.pfx) file.");
        }
        using (certificate)
        {
            return From(certificate, settingName);
        }
    }

    public static MasterKey From(X509Certificate2 certificate, string settingName)
    {
        byte[] secret;
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                secret = rsa.SignData(Label, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }
        else if (certificate.GetECDiffieHellmanPrivateKey() is { } ecdh)
        {
            using (ecdh)
            {
                secret = ecdh.DeriveRawSecretAgreement(ecdh.PublicKey);
            }
        }
        else
        {
            throw new InvalidOperationException($"The certificate of {settingName} ({certificate.Subject}) has no RSA or EC private key with it.");
        }
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, MasterKey.Length, salt: [], info: Label);
        CryptographicOperations.ZeroMemory(secret);
        return MasterKey.FromBytes(key);
    }
}
