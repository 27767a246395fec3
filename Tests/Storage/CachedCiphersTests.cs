using System.Security.Cryptography;
using System.Text;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Tests.Storage;

/// <summary>One kept AES-GCM instance per key (<see cref="CachedCiphers"/>), used by many threads at once.</summary>
public sealed class CachedCiphersTests
{
    [Fact]
    public async Task Threads_sealing_and_opening_with_the_same_keys_at_once_each_get_their_own_plaintext_back()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => Aead.NewKey()).ToArray();

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            var wrong = 0;
            for (var i = 0; i < 2_000; i++)
            {
                var key = keys[i % keys.Length];
                var plaintext = Encoding.UTF8.GetBytes($"thread {thread} message {i}");
                var associated = Encoding.UTF8.GetBytes($"demo/c:{thread}#{i}");
                var opened = CachedCiphers.Open(key, CachedCiphers.Seal(key, plaintext, associated), associated);
                wrong += opened.AsSpan().SequenceEqual(plaintext) ? 0 : 1;
            }
            return wrong;
        })));

        Assert.All(mismatches, wrong => Assert.Equal(0, wrong));
    }

    [Fact]
    public void What_one_key_sealed_does_not_open_with_another_key_nor_with_other_associated_data()
    {
        var key = Aead.NewKey();
        var sealedBytes = CachedCiphers.Seal(key, "Anna, +7 900 000-00-00"u8, "demo/c:1#3"u8);

        Assert.ThrowsAny<CryptographicException>(() => CachedCiphers.Open(Aead.NewKey(), sealedBytes, "demo/c:1#3"u8));
        Assert.ThrowsAny<CryptographicException>(() => CachedCiphers.Open(key, sealedBytes, "demo/c:2#3"u8));
        Assert.Equal("Anna, +7 900 000-00-00"u8.ToArray(), CachedCiphers.Open(key, sealedBytes, "demo/c:1#3"u8));
    }
}
