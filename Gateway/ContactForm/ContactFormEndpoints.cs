using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.ContactForm;

/// <summary>Serves the contact form retailers embed, /contact-form.js, joined from its parts in Gateway/ContactForm.</summary>
public static class ContactFormEndpoints
{
    public const string Path = "/contact-form.js";

    public static IEndpointRouteBuilder MapContactForm(this IEndpointRouteBuilder app)
    {
        var script = JoinedFile.Join(typeof(ContactFormEndpoints).Assembly, "contact-form/", "text/javascript");
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], script.Serve);
        return app;
    }
}
