using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// A web visitor is a verified customer only while their hello proves it: the browser that comes back without the
/// signed identity (signed out, or someone else at the same computer) is a guest again, badge and name gone.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class VisitorIdentityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_widget_hello_without_the_identity_forgets_the_one_an_earlier_hello_verified()
    {
        var site = await TestSites.CreateAsync(fixture.Grains);
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));

        var signedIn = await visitor.Hello(new VisitorHello(new VerifiedIdentity("c-1", "Irina", null, null, "gold"), "en", null) { FromWidget = true }, null);
        var signedOut = await visitor.Hello(new VisitorHello(null, "en", null) { FromWidget = true }, null);

        Assert.Equal(("c-1", "Irina"), (signedIn.CustomerId, signedIn.Name));
        Assert.Equal((null, null), (signedOut.CustomerId, signedOut.Name));
    }

    [Fact]
    public async Task A_messenger_contact_linked_to_a_customer_stays_linked_across_hellos()
    {
        var site = await TestSites.CreateAsync(fixture.Grains);
        var contact = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));
        await contact.LinkCustomer("c-2");

        var again = await contact.Hello(new VisitorHello(null, null, null) { DisplayName = "ivan_tg" }, null);

        Assert.Equal("c-2", again.CustomerId);
    }
}
