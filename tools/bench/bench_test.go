package main

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseRows(t *testing.T) {
	rows, err := parseRows("rules-500, aws-50,expiry-20")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.String())
	}
	if got := strings.Join(names, ","); got != "rules-500,aws-50,expiry-20" {
		t.Errorf("rows = %s", got)
	}
	for _, bad := range []string{"", "rules", "rules-0", "rules-x", "tables-5"} {
		if _, err := parseRows(bad); err == nil {
			t.Errorf("parseRows(%q) accepted it", bad)
		}
	}
	if _, err := parseRows(defaultRows); err != nil {
		t.Errorf("default rows: %v", err)
	}
	if _, err := parseRows(quickRows); err != nil {
		t.Errorf("quick rows: %v", err)
	}
}

func TestConfigsHaveMatchingCounts(t *testing.T) {
	for _, k := range kinds {
		config, floor := k.config(37), k.floor(37)
		counted := regexp.MustCompile(`(?m)^  count += 37$`)
		if got := len(counted.FindAllString(config, -1)); got != k.terraformPerUnit {
			t.Errorf("%s: configuration has %d counted resources, want %d:\n%s", k.name, got, k.terraformPerUnit, config)
		}
		if k.terraformPerUnit == 0 && !strings.Contains(config, "range(37)") {
			t.Errorf("%s: configuration does not hold 37 units in one resource:\n%s", k.name, config)
		}
		if got := len(counted.FindAllString(floor, -1)); got != k.floorPerUnit {
			t.Errorf("%s: floor has %d counted resources, want %d:\n%s", k.name, got, k.floorPerUnit, floor)
		}
		if strings.Count(floor, `resource "terraform_data"`) != k.floorPerUnit || strings.Contains(floor, "p0_") {
			t.Errorf("%s: floor must be terraform_data only:\n%s", k.name, floor)
		}
		if !strings.Contains(config, `source = "p0-security/p0"`) {
			t.Errorf("%s: configuration does not require the provider:\n%s", k.name, config)
		}
	}
}

func TestRulesFloorHoldsTheRule(t *testing.T) {
	floor := rulesFloor(3)
	for _, line := range strings.Split(strings.TrimSpace(ruleBody), "\n") {
		if !strings.Contains(floor, strings.TrimSpace(line)) {
			t.Errorf("floor lacks %q", line)
		}
	}
}

func TestMinimum(t *testing.T) {
	m := minimum{perUnit: 5, perOperation: 2}
	if got := m.callsPerUnit(50); math.Abs(got-5.04) > 1e-9 {
		t.Errorf("callsPerUnit(50) = %v, want 5.04", got)
	}
	// Destroying 4 rules: a DELETE each, and the credentials check of the
	// three provider processes terraform destroy configures, the first of
	// which also refreshes every rule.
	r := result{row: row{kind: kinds[0], n: 4}, op: opDestroy, calls: []calls{{total: 7}, {total: 7}}}
	if !r.atMinimum() || r.callsPerUnit() != 1.75 {
		t.Errorf("7 calls for 4 rules' destroy: %v per unit, at minimum %v", r.callsPerUnit(), r.atMinimum())
	}
	r.calls = append(r.calls, calls{total: 8})
	if r.atMinimum() {
		t.Error("8 calls for 4 rules' destroy counted as the minimum")
	}
}

func TestRatioAndMedian(t *testing.T) {
	runs := []measurement{{wall: 3 * time.Second}, {wall: time.Second}, {wall: 2 * time.Second}}
	wall := func(m measurement) time.Duration { return m.wall }
	if got := median(runs, wall); got != 2*time.Second {
		t.Errorf("median = %v", got)
	}
	if got := median(runs[:2], wall); got != 2*time.Second {
		t.Errorf("median of two = %v", got)
	}
	if got := ratio(3*time.Second, 2*time.Second); got != 1.5 {
		t.Errorf("ratio = %v", got)
	}
	if !math.IsNaN(ratio(time.Second, 0)) {
		t.Error("ratio over zero is not NaN")
	}
}

func TestLinearFit(t *testing.T) {
	a, b, r2 := linearFit([]float64{50, 200, 500}, []float64{1.5, 3, 6})
	if math.Abs(a-1) > 1e-9 || math.Abs(b-0.01) > 1e-9 || math.Abs(r2-1) > 1e-9 {
		t.Errorf("fit = %v + %v·N, R² %v; want 1 + 0.01·N, R² 1", a, b, r2)
	}
}

func TestAPIBound(t *testing.T) {
	r := result{latency: 50 * time.Millisecond, calls: []calls{{total: 500}}}
	if got := r.apiBound(10); got != 2500*time.Millisecond {
		t.Errorf("apiBound = %v, want 2.5s", got)
	}
}

func TestTerraformRatio(t *testing.T) {
	r := result{
		p0:    []measurement{{cpu: 5 * time.Second, providerCPU: 3 * time.Second}},
		floor: []measurement{{cpu: time.Second}},
	}
	if got := r.terraformRatio(); got != 2 {
		t.Errorf("Terraform's own CPU ratio = %v, want 2 (5 s less the provider's 3 s, over 1 s)", got)
	}
	r.p0[0].providerCPU = -1
	if got := r.terraformRatio(); !math.IsNaN(got) {
		t.Errorf("ratio without the provider's CPU time = %v, want NaN (not measured)", got)
	}
}

func TestSumCPUTimes(t *testing.T) {
	dir := t.TempDir()
	if got, err := sumCPUTimes(dir); err != nil || got != -1 {
		t.Errorf("no reports: %v, %v; want -1 (not measured)", got, err)
	}
	dir = t.TempDir()
	for name, nanos := range map[string]string{"cputime-10": "1500000000", "cputime-11": "500000000\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(nanos), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := sumCPUTimes(dir); err != nil || got != 2*time.Second {
		t.Errorf("two reports: %v, %v; want 2s", got, err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("the reports' folder was not removed")
	}
}

func TestEmptyPluginFloorMirrorsTheFloor(t *testing.T) {
	for _, k := range kinds {
		floor := k.floor(7)
		plugin := emptyPluginFloor(floor)
		if strings.Contains(plugin, "terraform_data") || strings.Contains(plugin, "triggers_replace") {
			t.Errorf("%s: the empty plugin's configuration still uses terraform_data:\n%s", k.name, plugin)
		}
		if got, want := strings.Count(plugin, `resource "floor_value"`), strings.Count(floor, `resource "terraform_data"`); got != want {
			t.Errorf("%s: %d floor_value resources, want %d", k.name, got, want)
		}
		if got, want := strings.Count(plugin, "value = jsonencode("), strings.Count(floor, "triggers_replace = jsonencode("); got != want {
			t.Errorf("%s: %d values, want %d:\n%s", k.name, got, want, plugin)
		}
		if !strings.Contains(plugin, `source = "p0-bench/floor"`) {
			t.Errorf("%s: the configuration does not require p0-bench/floor:\n%s", k.name, plugin)
		}
	}
	if plugin := emptyPluginFloor(awsFloor(2)); !strings.Contains(plugin, "depends_on = [floor_value.staged]") {
		t.Errorf("the AWS pairs lost their dependency:\n%s", plugin)
	}
}

func TestTableShowsTheEmptyPlugin(t *testing.T) {
	rules := row{kind: kinds[0], n: 500}
	measured := result{row: rules, op: opApply,
		p0:     []measurement{{wall: 3 * time.Second, cpu: 4 * time.Second, providerCPU: time.Second}},
		floor:  []measurement{{wall: 2 * time.Second, cpu: 2 * time.Second}},
		plugin: []measurement{{wall: 2500 * time.Millisecond}},
		calls:  []calls{{total: 500}},
	}
	var out strings.Builder
	report{results: []result{measured}}.writeTable(&out, 0)
	if want := "| 3.00 | 2.00 | 1.50 | 2.50 | 1.25 | 4.00 | 1.00 | 2.00 | 2.00 | 1.50 |"; !strings.Contains(out.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, out.String())
	}

	measured.plugin = nil
	out.Reset()
	report{results: []result{measured}}.writeTable(&out, 0)
	if want := "| 1.50 | – | – | 4.00 |"; !strings.Contains(out.String(), want) {
		t.Errorf("table without the empty plugin lacks %q:\n%s", want, out.String())
	}
}

func TestTargetsCompareTheProviderWithTheEmptyPlugin(t *testing.T) {
	measured := result{row: row{kind: kinds[0], n: 500}, op: opPlan,
		p0:     []measurement{{wall: 3 * time.Second, cpu: 3 * time.Second, providerCPU: time.Second}},
		floor:  []measurement{{wall: time.Second, cpu: time.Second}},
		plugin: []measurement{{wall: 2 * time.Second}},
	}
	var out strings.Builder
	report{results: []result{measured}}.writeTargets(&out)
	// 3 s over the empty plugin's 2 s, and over terraform_data's 1 s; not
	// the empty plugin's own 2.00 over terraform_data.
	if want := "500 routing rules, plan: 1.50× the empty plugin's time (3.00× terraform_data's)"; !strings.Contains(out.String(), want) {
		t.Errorf("targets lack %q:\n%s", want, out.String())
	}
}
