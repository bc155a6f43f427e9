namespace Workshops.Web.Features.Projects;

/// <summary>The workshop or past event whose page lists the projects that funded it.</summary>
public sealed record FundedRef(Guid? WorkshopId = null, Guid? EventId = null);
