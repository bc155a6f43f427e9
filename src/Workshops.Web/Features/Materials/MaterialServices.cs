namespace Workshops.Web.Features.Materials;

public static class MaterialServices
{
    /// <summary>Materials, the archive of past events, its search and import, and the reading of PDFs' words.</summary>
    public static IServiceCollection AddMaterialsAndArchive(this IServiceCollection services)
    {
        services.AddScoped<MaterialViewers>();
        services.AddScoped<MaterialDesk>();
        services.AddScoped<MaterialCatalog>();
        services.AddScoped<Archive.ArchiveListing>();
        services.AddScoped<Admin.ArchiveDesk>();
        services.AddScoped<Core.Domain.Archive.FileTextReader>();
        services.AddScoped<Core.Domain.Archive.ArchiveIndex>();
        services.AddScoped<Core.Domain.Archive.ArchiveSearch>();
        services.AddScoped<Core.Domain.Archive.Import.StaticSiteImporter>();
        services.AddScoped<Core.Domain.Archive.Import.CurrentSiteImporter>();
        services.AddScoped<Core.Domain.Archive.Import.OldAddressBook>();
        services.AddScoped<Core.Domain.Archive.Import.ImportedFiles>();
        services.AddScoped<Core.Jobs.ReadFileTextJob>();
        services.AddScoped<Core.Jobs.ImportArchiveJob>();
        return services;
    }
}
