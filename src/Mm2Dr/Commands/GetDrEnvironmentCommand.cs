using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Commands
{
    /// <summary>Shows the session's DR environment (the compose stack's default until Connect-DrEnvironment runs).</summary>
    [Cmdlet(VerbsCommon.Get, "DrEnvironment")]
    [OutputType(typeof(DrEnvironment))]
    public sealed class GetDrEnvironmentCommand : Mm2DrCmdlet
    {
        protected override void Process()
        {
            if (!Session.IsConnected)
            {
                WriteVerbose("No Connect-DrEnvironment in this session: showing the docker-compose stack's defaults.");
            }

            WriteObject(Session.Environment);
        }
    }
}
