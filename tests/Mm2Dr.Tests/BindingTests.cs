using System;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace Mm2Dr.Tests
{
    public class BindingTests : IClassFixture<PowerShellSessionFixture>
    {
        private readonly PowerShellSession _ps;

        public BindingTests(PowerShellSessionFixture fixture) => _ps = fixture.Shell;

        [Fact]
        public void Every_cmdlet_uses_an_approved_verb()
        {
            var result = _ps.Run("$approved = (Get-Verb).Verb; Get-Command -Module Mm2Dr | Where-Object { $approved -notcontains $_.Verb } | ForEach-Object Name");
            result.ThrowOnError();
            Assert.Empty(result.Output);
            var count = _ps.Run("(Get-Command -Module Mm2Dr).Count").Output.Single().BaseObject;
            Assert.True((int)count >= 10);
        }

        [Fact]
        public void Generator_and_pipeline_parameters_cannot_be_mixed()
        {
            var result = _ps.Run("Start-KafkaProducer -Topic t -Count 5 -InputObject x -BootstrapServers 127.0.0.1:1");
            Assert.NotNull(result.FirstError);
            Assert.StartsWith("AmbiguousParameterSet", result.FirstError!.FullyQualifiedErrorId);
            var sets = _ps.Run("(Get-Command Start-KafkaProducer).ParameterSets | Where-Object { $_.Parameters.Name -contains 'InputObject' } | ForEach-Object Name").Output.Select(o => o.ToString());
            Assert.Equal(new[] { "Pipeline" }, sets);
        }

        [Fact]
        public void Generator_mode_without_count_or_duration_is_refused_before_connecting()
        {
            var result = _ps.Run("Start-KafkaProducer -Topic t -Rate 5 -BootstrapServers 127.0.0.1:1");
            Assert.Equal("InvalidArgument,Mm2Dr.Commands.StartKafkaProducerCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("-Count or -Duration", result.FirstError.Exception.Message);
        }

        [Theory]
        [InlineData("30", 30)]
        [InlineData("'45s'", 45)]
        [InlineData("'2m'", 120)]
        [InlineData("'250ms'", 0.25)]
        [InlineData("'00:01:30'", 90)]
        [InlineData("([TimeSpan]::FromSeconds(7))", 7)]
        public void Durations_read_the_way_an_operator_types_them(string text, double seconds)
        {
            var transformed = _ps.Run($"$a = [Mm2Dr.Base.DurationTransformationAttribute]::new(); $a.Transform($ExecutionContext, {text}).TotalSeconds");
            transformed.ThrowOnError();
            Assert.Equal(seconds, Convert.ToDouble(transformed.Output.Single().BaseObject), 3);
        }

        [Fact]
        public void A_nonsense_duration_is_refused_with_the_value_named()
        {
            var result = _ps.Run("Start-KafkaProducer -Topic t -Duration 'soon' -BootstrapServers 127.0.0.1:1");
            Assert.NotNull(result.FirstError);
            Assert.Contains("'soon'", result.FirstError!.Exception.Message);
        }

        [Fact]
        public void Read_refuses_asbytes_with_asjson()
        {
            var result = _ps.Run("Read-KafkaTopic t -AsBytes -AsJson -BootstrapServers 127.0.0.1:1");
            Assert.StartsWith("InvalidArgument", result.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void An_unknown_cluster_alias_is_a_named_error()
        {
            var result = _ps.Run("Get-KafkaTopic -Cluster staging");
            Assert.StartsWith("UnknownCluster", result.FirstError!.FullyQualifiedErrorId);
            Assert.Equal("staging", result.FirstError.TargetObject);
            Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        }

        [Fact]
        public void A_malformed_bootstrap_is_a_named_error()
        {
            var result = _ps.Run("Get-KafkaTopic -BootstrapServers 'localhost'");
            Assert.StartsWith("InvalidArgument", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("'localhost'", result.FirstError.Exception.Message);
        }

        [Fact]
        public void Set_offset_needs_exactly_one_target_mode()
        {
            var result = _ps.Run("Set-KafkaConsumerGroupOffset -Group g -Topic t -ToEarliest -ToLatest");
            Assert.NotNull(result.FirstError);
            Assert.Contains("AmbiguousParameterSet", result.FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Destructive_cmdlets_support_whatif_and_confirm()
        {
            var result = _ps.Run("'Remove-KafkaTopic','Set-KafkaConsumerGroupOffset','Remove-KafkaConsumerGroup','New-KafkaTopic' | ForEach-Object { $c = Get-Command $_; [bool]($c.Parameters.ContainsKey('WhatIf') -and $c.Parameters.ContainsKey('Confirm')) }");
            result.ThrowOnError();
            Assert.All(result.Output, o => Assert.True((bool)o.BaseObject));
            var impact = _ps.Run("[Mm2Dr.Commands.RemoveKafkaTopicCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").Output.Single().BaseObject;
            Assert.Equal(ConfirmImpact.High, impact);
        }
    }

    public sealed class PowerShellSessionFixture : IDisposable
    {
        public PowerShellSession Shell { get; } = new PowerShellSession();

        public void Dispose() => Shell.Dispose();
    }
}
