using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StackFloor;

public sealed class Workshop
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string City { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public int Seats { get; set; }
    public List<Session> Sessions { get; set; } = [];
}

public sealed class Session
{
    public int Id { get; set; }
    public int WorkshopId { get; set; }
    public string Title { get; set; } = "";
    public string Speaker { get; set; } = "";
    public DateTime StartsAt { get; set; }
}

/// <summary>Identity's tables, the Data Protection keys and one small aggregate: the site's data layer with its own model taken away.</summary>
public sealed class FloorDb(DbContextOptions<FloorDb> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Workshop>().HasIndex(w => w.Slug).IsUnique();
    }
}

/// <summary>For dotnet ef dbcontext optimize, which writes CompiledModel/ as the site's migrations/add.sh does.</summary>
public sealed class FloorDbFactory : IDesignTimeDbContextFactory<FloorDb>
{
    public FloorDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FloorDb>().UseSqlite("Data Source=floor.db").Options);
}
