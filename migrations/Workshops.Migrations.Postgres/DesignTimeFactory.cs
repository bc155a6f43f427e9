using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workshops.Core.Data;

namespace Workshops.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the context for this provider without starting the site; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=workshops_design;Username=workshops;Password=design" }, Path.GetTempPath(), compiledModel: false);
        return new AppDbContext(options.Options);
    }
}
