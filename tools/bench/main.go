// Command bench measures the provider against the floor Terraform itself
// sets: it applies, re-plans (expecting no changes) and destroys N objects
// of each kind through the real terraform binary and the mock P0 API on
// loopback, does the same with as many terraform_data resources and with
// an empty plugin provider (tools/bench/emptyplugin), and prints a Markdown
// table of times, their ratios, and the API calls made per object beside
// the fewest the API allows.
//
//	go run ./tools/bench                  # the full table (make bench)
//	go run ./tools/bench -quick           # a smoke run with small N (make bench-quick)
//	go run ./tools/bench -rows rules-500 -reps 1 -latency 0
//	go run ./tools/bench -rows rules-500 -profile /tmp/prof   # CPU and allocation profiles of the provider
//	go run ./tools/bench -schema -reference /path/to/terraform-provider-p0   # schema load beside another build
//
// Run it from the module root. Nothing outside a temporary folder is
// touched: the Terraform CLI configuration with dev_overrides lives there.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	rows        string
	reps        int
	latency     time.Duration
	parallelism int
	out         string
	profile     string
	provider    string
	reference   string
	refName     string
	schemaOnly  bool
	keep        bool
}

func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	var quick bool
	flags := flag.NewFlagSet("bench", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.BoolVar(&quick, "quick", false, "smoke run: rows "+quickRows+", one repetition")
	flags.StringVar(&o.rows, "rows", "", "comma-separated `rows` <kind>-<N> (kinds: "+kindNames()+"); default "+defaultRows)
	flags.IntVar(&o.reps, "reps", 0, "`repetitions` of every operation; the table shows medians (default 3, 1 with -quick)")
	flags.DurationVar(&o.latency, "latency", 50*time.Millisecond, "mock `latency` per request for the second table; 0 skips it")
	flags.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism")
	flags.StringVar(&o.out, "out", "", "also write the Markdown report to this `file`")
	flags.StringVar(&o.profile, "profile", "", "write CPU and allocation profiles of the provider under this `directory`")
	flags.StringVar(&o.provider, "provider", "", "measure this provider `binary` instead of building one, e.g. to compare two builds")
	flags.StringVar(&o.reference, "reference", "", "also load the schema of this provider `binary` (P0's own provider, built from its source), to compare")
	flags.StringVar(&o.refName, "reference-name", "reference", "what the report calls the -reference provider, e.g. \"P0's provider v0.53.0\"")
	flags.BoolVar(&o.schemaOnly, "schema", false, "measure only the schema load")
	flags.BoolVar(&o.keep, "keep", false, "keep the temporary workspaces and terraform logs")
	if err := flags.Parse(args); err != nil {
		return o, err
	}
	if flags.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", flags.Args())
	}
	if o.rows == "" {
		o.rows = defaultRows
		if quick {
			o.rows = quickRows
		}
	}
	if o.reps == 0 {
		o.reps = 3
		if quick {
			o.reps = 1
		}
	}
	if o.reps < 1 || o.parallelism < 1 || o.latency < 0 {
		return o, errors.New("-reps and -parallelism must be at least 1, -latency not negative")
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	o, err := parseOptions(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	rows, err := parseRows(o.rows)
	if err != nil {
		return err
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return errors.New("run the benchmark from the module root, e.g. with make bench")
	}
	terraformBinary, err := exec.LookPath("terraform")
	if err != nil {
		return errors.New("the benchmark needs the terraform CLI on PATH")
	}

	rep := report{parallelism: o.parallelism, reps: o.reps, latency: o.latency}
	rows, rep.skipped = available(rows, providerResources())
	if len(rows) == 0 {
		return fmt.Errorf("nothing to measure: %s", strings.Join(rep.skipped, "; "))
	}

	work, err := os.MkdirTemp("", "p0-bench-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(stderr, "workspaces kept in", work)
	} else {
		defer os.RemoveAll(work)
	}

	bin := filepath.Join(work, "bin")
	if o.provider != "" {
		err = copyProvider(o.provider, bin)
	} else {
		fmt.Fprintln(stderr, "building the provider")
		err = buildProvider(root, bin)
	}
	if err != nil {
		return err
	}
	if err := buildEmptyPlugin(root, bin); err != nil {
		return err
	}
	m, err := startMock()
	if err != nil {
		return err
	}
	defer m.close()
	tf, err := newTerraform(terraformBinary, work, bin, o.parallelism, m.env())
	if err != nil {
		return err
	}
	rep.env = probeEnvironment(root, tf)

	if rep.schema, err = schemaSubjects(terraformBinary, work, bin, o.reference, o.refName); err != nil {
		return err
	}
	rep.schemaReps = schemaReps * o.reps
	if err := measureSchemaLoad(rep.schema, rep.schemaReps, stderr); err != nil {
		return err
	}

	b := bench{tf: tf, mock: m, work: work, reps: o.reps, profile: o.profile, log: stderr}
	latencies := []time.Duration{0}
	if o.latency > 0 {
		latencies = append(latencies, o.latency)
	}
	if o.schemaOnly {
		rows, latencies = nil, nil
	}
	for _, latency := range latencies {
		m.setLatency(latency)
		for _, r := range rows {
			results, err := b.measure(r, latency)
			if err != nil {
				if !o.keep {
					err = fmt.Errorf("%w\n(run again with -keep to keep the workspaces and Terraform's logs)", err)
				}
				return err
			}
			rep.results = append(rep.results, results...)
		}
	}
	m.setLatency(0)
	rep.env.loadAfter = loadAverage()

	var out strings.Builder
	rep.write(&out)
	fmt.Fprint(stdout, out.String())
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(out.String()), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stderr, "wrote", o.out)
	}
	if o.profile != "" {
		fmt.Fprintf(stderr, "CPU and allocation profiles of the provider are under %s; read one operation's with\n  go tool pprof -top %s\n",
			o.profile, filepath.Join(o.profile, "0ms", rows[len(rows)-1].String()+"-apply", "cpu-*.pprof"))
	}
	return nil
}

// schemaReps is how many schema loads each repetition measures: one load
// is short and noisy.
const schemaReps = 5

// schemaSubjects are the providers whose schema load is measured: this
// one, the empty plugin, and the reference where there is one, last, which
// the others are compared with.
func schemaSubjects(terraformBinary, work, bin, reference, referenceName string) ([]*schemaSubject, error) {
	this, err := newSchemaSubject(terraformBinary, work, "this provider", bin, "p0", "p0-security/p0")
	if err != nil {
		return nil, err
	}
	empty, err := newSchemaSubject(terraformBinary, work, "empty plugin", bin, "floor", "p0-bench/floor")
	if err != nil {
		return nil, err
	}
	subjects := []*schemaSubject{this, empty}
	if reference != "" {
		refBin, err := referenceBin(reference, work)
		if err != nil {
			return nil, err
		}
		ref, err := newSchemaSubject(terraformBinary, work, referenceName, refBin, "p0", "p0-security/p0")
		if err != nil {
			return nil, err
		}
		subjects = append(subjects, ref)
	}
	return subjects, nil
}

// available keeps the rows whose resources the provider has and explains
// the others.
func available(rows []row, resources map[string]bool) (kept []row, skipped []string) {
	for _, r := range rows {
		var missing []string
		for _, name := range r.kind.resources {
			if !resources[name] {
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			skipped = append(skipped, fmt.Sprintf("%s: the provider has no %s yet", r, strings.Join(missing, " or ")))
			continue
		}
		kept = append(kept, r)
	}
	return kept, skipped
}

// bench runs the operations of rows.
type bench struct {
	tf      *terraform
	mock    *mock
	work    string
	reps    int
	profile string
	log     io.Writer
}

// measure runs apply, plan and destroy reps times on the provider and on
// the floor, and without added latency on the empty plugin too (it calls no
// API), rotating which goes first so that none always runs on a warmer
// machine.
func (b bench) measure(r row, latency time.Duration) ([]result, error) {
	name := fmt.Sprintf("%dms", latency.Milliseconds())
	providerDir := filepath.Join(b.work, name, r.String(), "p0")
	floorDir := filepath.Join(b.work, name, r.String(), "floor")
	pluginDir := filepath.Join(b.work, name, r.String(), "empty-plugin")
	if err := writeWorkspace(providerDir, r.kind.config(r.n)); err != nil {
		return nil, err
	}
	floor := r.kind.floor(r.n)
	if err := writeWorkspace(floorDir, floor); err != nil {
		return nil, err
	}
	withPlugin := latency == 0
	if withPlugin {
		if err := writeWorkspace(pluginDir, emptyPluginFloor(floor)); err != nil {
			return nil, err
		}
	}

	results := make([]result, len(operations))
	for i, op := range operations {
		results[i] = result{row: r, op: op, latency: latency}
	}
	for rep := 0; rep < b.reps; rep++ {
		for i, op := range operations {
			res := &results[i]
			runP0 := func() error {
				env, err := b.profileEnv(name, r, op)
				if err != nil {
					return err
				}
				cpuTimes, err := os.MkdirTemp(b.work, "cputime-")
				if err != nil {
					return err
				}
				env = append(env, "P0_PROVIDER_CPUTIME="+cpuTimes)
				b.mock.takeCalls() // start from an empty log
				before := selfCPU()
				measured, err := b.tf.run(providerDir, op, env...)
				measured.mockCPU = selfCPU() - before
				if err != nil {
					return err
				}
				if measured.providerCPU, err = sumCPUTimes(cpuTimes); err != nil {
					return err
				}
				res.p0 = append(res.p0, measured)
				res.calls = append(res.calls, b.mock.takeCalls())
				return nil
			}
			runFloor := func() error {
				measured, err := b.tf.run(floorDir, op)
				res.floor = append(res.floor, measured)
				return err
			}
			runPlugin := func() error {
				measured, err := b.tf.run(pluginDir, op)
				res.plugin = append(res.plugin, measured)
				return err
			}
			runs := []func() error{runP0, runFloor}
			if withPlugin {
				runs = append(runs, runPlugin)
			}
			for k := range runs {
				if err := runs[(rep+k)%len(runs)](); err != nil {
					return nil, err
				}
			}
			last := res.p0[len(res.p0)-1]
			fmt.Fprintf(b.log, "%-12s %-7s %-6s p0 %6.2f s (%d calls)  floor %6.2f s\n", r, op, formatLatency(latency),
				last.wall.Seconds(), res.calls[len(res.calls)-1].total, res.floor[len(res.floor)-1].wall.Seconds())
		}
		if left := b.mock.leftovers(); left != "" {
			return nil, fmt.Errorf("%s: terraform destroy left %s in the mock", r, left)
		}
	}
	return results, nil
}

// profileEnv asks a profiling build of the provider to write its CPU and
// allocation profiles for one operation into a folder of their own.
func (b bench) profileEnv(latency string, r row, op operation) ([]string, error) {
	if b.profile == "" {
		return nil, nil
	}
	dir, err := filepath.Abs(filepath.Join(b.profile, latency, r.String()+"-"+string(op)))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return []string{"P0_PROVIDER_CPUPROFILE=" + dir}, nil
}

// sumCPUTimes adds up the CPU times the provider processes of one
// operation reported into dir (see main_profile.go), and removes dir. It is
// -1 when none reported, as a provider built without the hooks does not.
func sumCPUTimes(dir string) (time.Duration, error) {
	defer os.RemoveAll(dir)
	files, err := filepath.Glob(filepath.Join(dir, "cputime-*"))
	if err != nil || len(files) == 0 {
		return -1, err
	}
	var total time.Duration
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		nanos, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %w", f, err)
		}
		total += time.Duration(nanos)
	}
	return total, nil
}

// selfCPU is the CPU time this process (the mock) has used so far.
func selfCPU() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
