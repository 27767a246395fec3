using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The key ring protected by a certificate: the master key comes from its private key, in a .pfx file the test makes.</summary>
public sealed class CertificateMasterKeyTests : IDisposable
{
    private const string Password = "pfx-test-password";
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Data_keyed_under_an_RSA_certificate_opens_with_the_certificate_loaded_again_and_not_with_another()
    {
        var pfx = WritePfx("rsa", MakeRsa());
        var keyStore = new SqliteDataKeyStore(new StorageOptions { DataDirectory = _directory.Path }, NullLogger<SqliteWriter>.Instance);
        await using (keyStore)
        {
            var written = await Keys(keyStore, pfx).ForWritingAsync("shop/c:1");

            Assert.Equal(written, await Keys(keyStore, pfx).ForReadingAsync("shop/c:1"));
            var other = Keys(keyStore, WritePfx("other", MakeRsa()));
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => other.CheckMasterKeyAsync());
            Assert.Contains("is not the key this data was written with", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_EC_certificate_gives_the_same_master_key_each_time_and_another_one_a_different_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pfx = WritePfx("ec", new CertificateRequest("CN=switchboard-test-ec", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));

        var first = MasterKeys.From(new EncryptionOptions { Certificate = pfx }, null).Current;
        var again = MasterKeys.From(new EncryptionOptions { Certificate = pfx }, null).Current;
        var rsa = MasterKeys.From(new EncryptionOptions { Certificate = WritePfx("rsa", MakeRsa()) }, null).Current;

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, rsa.Id);
    }

    [Fact]
    public void A_wrong_password_a_missing_file_or_both_settings_fail_with_what_to_set_and_never_the_password()
    {
        var pfx = WritePfx("rsa", MakeRsa());

        var wrong = Assert.Throws<InvalidOperationException>(() => MasterKeys.From(new EncryptionOptions { Certificate = new() { Path = pfx.Path, Password = "not-it" } }, null));
        var missing = Assert.Throws<InvalidOperationException>(() => MasterKeys.From(new EncryptionOptions { Certificate = new() { Path = pfx.Path + ".gone", Password = Password } }, null));
        var both = Assert.Throws<InvalidOperationException>(() => MasterKeys.From(new EncryptionOptions { Certificate = pfx, MasterKey = TestKeys.MasterKeyBase64 }, null));

        Assert.Contains("Encryption__Certificate__Password", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-it", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("names no file", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption__RetiredMasterKeys__0", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotation_from_a_configured_key_to_a_certificate_re_wraps_the_site_keys()
    {
        var pfx = WritePfx("rsa", MakeRsa());
        var keyStore = new SqliteDataKeyStore(new StorageOptions { DataDirectory = _directory.Path }, NullLogger<SqliteWriter>.Instance);
        await using (keyStore)
        {
            var written = await TestKeys.Keys(keyStore).ForWritingAsync("shop/c:1");
            var rotating = MasterKeys.From(new EncryptionOptions { Certificate = pfx, RetiredMasterKeys = [TestKeys.MasterKeyBase64] }, null);
            await new ConversationKeys(keyStore, rotating, TimeProvider.System, NullLogger<ConversationKeys>.Instance).CheckMasterKeyAsync();

            var certificateOnly = Keys(keyStore, pfx);
            await certificateOnly.CheckMasterKeyAsync();
            Assert.Equal(written, await certificateOnly.ForReadingAsync("shop/c:1"));
        }
    }

    public void Dispose() => _directory.Dispose();

    private static ConversationKeys Keys(IDataKeyStore store, CertificateSetting pfx) =>
        new(store, MasterKeys.From(new EncryptionOptions { Certificate = pfx }, null), TimeProvider.System, NullLogger<ConversationKeys>.Instance);

    private static X509Certificate2 MakeRsa()
    {
        using var key = RSA.Create(2048);
        return new CertificateRequest("CN=switchboard-test-rsa", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private CertificateSetting WritePfx(string name, X509Certificate2 certificate)
    {
        using (certificate)
        {
            var path = Path.Combine(_directory.Path, $"{name}-{Guid.NewGuid():N}.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
            return new CertificateSetting { Path = path, Password = Password };
        }
    }
}
