namespace Workshops.Web.Features.Proposals;

public static class ProposalServices
{
    /// <summary>Calls for workshops and sessions, proposals, reviews and decisions.</summary>
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddScoped<Organise.Calls.CallDesk>();
        services.AddScoped<Organise.Calls.DecisionDesk>();
        services.AddScoped<Organise.Calls.ProposalBoard>();
        services.AddScoped<Organise.Calls.ConfirmedSessions>();
        services.AddSingleton<Organise.Calls.ProposalExport>();
        services.AddScoped<ProposalDesk>();
        services.AddScoped<ProposalAccess>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ProposalHistory>();
        return services;
    }
}
