using Switchboard.Contracts.Conversations;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Tests.Storage;

public sealed class PersonalFieldsTests
{
    [Fact]
    public void A_row_sealed_before_the_customer_id_was_sealed_keeps_the_customer_id_of_its_clear_part()
    {
        var olderRow = new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = DateTimeOffset.UnixEpoch, VisitorId = "v1", CustomerId = "c-77" };
        var sealedThen = new PersonalFields { VisitorName = "Anna" };

        var read = sealedThen.ApplyTo(olderRow);

        Assert.Equal("c-77", read.CustomerId);
        Assert.Equal("Anna", read.VisitorName);
    }

    [Fact]
    public void The_customer_id_is_sealed_and_stripped_from_the_clear_part()
    {
        var started = new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = DateTimeOffset.UnixEpoch, VisitorId = "v1", CustomerId = "c-77" };

        Assert.Equal("c-77", PersonalFields.Of(started)!.CustomerId);
        Assert.Null(PersonalFields.Strip(started).CustomerId);
        Assert.Equal(started, PersonalFields.Of(started)!.ApplyTo(PersonalFields.Strip(started)));
    }
}
