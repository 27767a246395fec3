using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Tests.Storage;

/// <summary>One grain storage provider as a silo has it (sealing over SQLite or over ADO.NET on PostgreSQL), with its rows' raw bytes.</summary>
public interface ISealedStateStore
{
    IGrainStorage Storage { get; }
    ConversationKeys Keys { get; }
    IDataKeyStore KeyStore { get; }

    /// <summary>Orleans' own serializer, as state was stored before sealing existed.</summary>
    IGrainStorageSerializer PlainSerializer { get; }

    /// <summary>The stored payload of a row, as someone reading the database (or a backup of it) sees it.</summary>
    Task<byte[]> RawAsync(string stateName, GrainId grainId);

    /// <summary>Puts a payload in the row (made again if it was deleted), as restoring a backup or tampering with the database would.</summary>
    Task SetRawAsync(string stateName, GrainId grainId, byte[] payload);
}
