using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Tests.Storage;

/// <summary>One event log store with its key store, as <see cref="PersonalDataContract"/> exercises both SQLite and PostgreSQL.</summary>
public interface IPersonalDataStores
{
    IEventLog Log { get; }
    IDataKeyStore Keys { get; }
    ConversationKeys ConversationKeys { get; }
    IPrivacyStore Privacy { get; }

    /// <summary>Every stored column of the conversation's rows as text, as someone reading the database (or a backup) sees them.</summary>
    Task<string> RawRowsAsync(string conversationKey);

    /// <summary>Copies the event data aside, as a backup would (the keys are not in it: they are kept apart).</summary>
    Task BackUpAsync();

    /// <summary>Puts the backed-up event data back in place of today's.</summary>
    Task RestoreAsync();
}
