using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Bench;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// What every append pays before its write is queued: a message event's personal fields sealed with its conversation's
/// key (already cached, as after a conversation's first append), and the row opened again as a read does. No disk.
/// </summary>
[MemoryDiagnoser]
public class EventSealingBenchmarks
{
    private readonly string _conversation = GrainKeys.Conversation("bench", GrainKeys.NewId());
    private SealedEventStore _store = null!;
    private EventSealer _sealer = null!;
    private ConversationEvent[] _events = [];
    private StoredEvent _stored;
    private string _storedPayload = "";

    /// <summary>The row the setup sealed, as the log would store it: its clear JSON and its sealed fields.</summary>
    public (string Payload, byte[]? Sealed) StoredRow => (_storedPayload, _stored.Sealed);

    [GlobalSetup]
    public async Task Setup()
    {
        _store = SealedEventStore.Create();
        _sealer = _store.Sealer;
        _events = [FrameWorkload.MessageEvent];
        // The key is made and cached here, as a conversation's first append does; the benchmarks are every later one.
        _stored = (await _sealer.SealAsync(_conversation, [FrameWorkload.MessageEvent with { Seq = 1 }]))[0];
        _stored = (await _sealer.SealAsync(_conversation, _events))[0];
        _storedPayload = _stored.PayloadText();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _store.DisposeAsync();

    private static readonly byte[] Plaintext = "{\"text\":\"Hello! Is the blue jacket in stock in size 42?\",\"author\":\"Anna\"}"u8.ToArray();
    private static readonly byte[] AssociatedData = "bench/conversation:0123456789abcdef#17"u8.ToArray();
    private readonly byte[] _key = Aead.NewKey();

    /// <summary>How every append sealed until issue 16's hot-path round: a cipher made (and its key scheduled) per append.</summary>
    [Benchmark(Baseline = true, Description = "AES-GCM seal, cipher made per call")]
    public byte[] SealWithNewCipher()
    {
        using var aes = new AesGcm(_key, Aead.TagLength);
        return Aead.Seal(aes, Plaintext, AssociatedData, prefixLength: 3);
    }

    [Benchmark(Description = "AES-GCM seal, cipher kept per key")]
    public byte[] SealWithCachedCipher() => CachedCiphers.Seal(_key, Plaintext, AssociatedData, prefixLength: 3);

    [Benchmark(Description = "seal a message event")]
    public async Task<int> Seal()
    {
        // The pooled payloads go back as the log gives them back once its rows are written.
        var stored = await _sealer.SealAsync(_conversation, _events);
        StoredEvent.ReturnPayloads(stored);
        return stored.Length;
    }

    [Benchmark(Description = "open a sealed message event")]
    public async Task<ConversationEvent> Open()
    {
        using var opener = await _sealer.OpenerAsync(_conversation);
        return opener.Open(_storedPayload, _stored.Sealed);
    }
}
