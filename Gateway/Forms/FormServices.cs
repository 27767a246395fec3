namespace Switchboard.Gateway.Forms;

public static class FormServices
{
    public static IServiceCollection AddContactForms(this IServiceCollection services)
    {
        services.AddSingleton<FormDesk>();
        services.AddSingleton<FormThrottle>();
        return services;
    }
}
