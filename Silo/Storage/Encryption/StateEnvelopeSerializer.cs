using Orleans.Storage;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The serializer of the provider under <see cref="SealedGrainStorage"/>: a <see cref="StateEnvelope"/>'s bytes are the
/// payload, unchanged both ways. Rows written before sealing existed come back as their plain bytes, which the
/// sealing storage recognises by their missing header.
/// </summary>
public sealed class StateEnvelopeSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => input is StateEnvelope envelope
        ? new BinaryData(envelope.Bytes)
        : throw new InvalidOperationException($"Only sealed state is stored here, not {typeof(T).Name}: {nameof(SealedGrainStorage)} seals it first.");

    public T Deserialize<T>(BinaryData input) => typeof(T) == typeof(StateEnvelope)
        ? (T)(object)new StateEnvelope { Bytes = input.ToArray() }
        : throw new InvalidOperationException($"Only sealed state is stored here, not {typeof(T).Name}.");
}
