using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Tests.Storage;

/// <summary>AES-GCM nonces handed out from per-thread blocks of random bytes (<see cref="Nonces"/>).</summary>
public sealed class NoncesTests
{
    private const int PerThread = 1_000; // about four blocks: every refill is crossed

    [Fact]
    public void No_nonce_repeats_on_one_thread_or_across_threads()
    {
        var all = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            Span<byte> nonce = stackalloc byte[Aead.NonceLength];
            for (var i = 0; i < PerThread; i++)
            {
                nonce.Fill(0xAA);
                Nonces.Fill(nonce);
                all.Add(Convert.ToHexString(nonce));
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Equal(4 * PerThread, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.DoesNotContain(Convert.ToHexString(new byte[Aead.NonceLength]), all);
    }

    [Fact]
    public void A_sealed_value_opens_and_two_seals_of_it_differ()
    {
        var key = Aead.NewKey();
        var first = Aead.Seal(key, "Do you ship to Lyon?"u8, "demo/c:1#1"u8);
        var second = Aead.Seal(key, "Do you ship to Lyon?"u8, "demo/c:1#1"u8);

        Assert.NotEqual(first[..Aead.NonceLength], second[..Aead.NonceLength]);
        Assert.Equal("Do you ship to Lyon?"u8.ToArray(), Aead.Open(key, second, "demo/c:1#1"u8));
    }
}
