package p0_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

const rootEndpoint = "POST /o/{org}/integrations/aws/config"

func TestAWSComponentLifecycle(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	const account = "123456789012"

	if _, err := client.GetAWSIntegration(ctx); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("integration before any stage: %v, want ErrNotFound", err)
	}
	if err := client.StageAWSComponent(ctx, p0.ComponentIAMWrite, account); err != nil {
		t.Fatal(err)
	}
	if n := mock.Count(rootEndpoint); n != 1 {
		t.Fatalf("root posted %d times, want 1", n)
	}

	staged, err := client.GetAWSComponent(ctx, p0.ComponentIAMWrite, account)
	if err != nil || staged.Item.State != p0.StateStage || staged.Metadata.RoleName == "" || staged.Metadata.TrustPolicy == "" {
		t.Fatalf("staged item = %+v, %v", staged, err)
	}

	if _, err := client.ConfigureAWSComponent(ctx, p0.ComponentIAMWrite, account, p0.AWSItem{}); err == nil {
		t.Fatal("configure before verify succeeded")
	}
	if err := client.VerifyAWSComponent(ctx, p0.ComponentIAMWrite, account); err != nil {
		t.Fatal(err)
	}
	login := &p0.AWSLogin{Type: "idc", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}}
	if _, err := client.ConfigureAWSComponent(ctx, p0.ComponentIAMWrite, account, p0.AWSItem{Label: "prod", Login: login}); err != nil {
		t.Fatal(err)
	}
	installed, err := client.GetAWSComponent(ctx, p0.ComponentIAMWrite, account)
	if err != nil || installed.Item.State != p0.StateInstalled || installed.Item.Login.Identity.TagName != "p0-user" || installed.Item.Label != "prod" {
		t.Fatalf("installed item = %+v, %v", installed, err)
	}

	all, err := client.GetAWSIntegration(ctx)
	if err != nil || all[p0.ComponentIAMWrite][account].State != p0.StateInstalled || len(all[p0.ComponentBase]) != 1 {
		t.Fatalf("integration = %+v, %v; want the item and the base", all, err)
	}

	if err := client.DeleteAWSComponent(ctx, p0.ComponentIAMWrite, account); err != nil {
		t.Fatal(err)
	}
	if _, err := client.GetAWSComponent(ctx, p0.ComponentIAMWrite, account); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("read after delete: %v, want ErrNotFound", err)
	}
	if err := client.DeleteAWSIntegration(ctx); err != nil {
		t.Fatal(err)
	}
	if mock.AWSRootExists() {
		t.Fatal("integration root survived DeleteAWSIntegration")
	}
	// After the root is gone the client must create it again when staging.
	if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	if n := mock.Count(rootEndpoint); n != 2 {
		t.Fatalf("root posted %d times after a delete and a new stage, want 2", n)
	}
}

func TestAWSVerificationFailure(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	const account = "210987654321"
	if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	mock.FailVerification(account, "could not assume role P0RoleInventory")
	err := client.VerifyAWSComponent(ctx, p0.ComponentInventory, account)
	if e := apiError(t, err); e.StatusCode != 400 || e.Message != "could not assume role P0RoleInventory" {
		t.Fatalf("APIError = %+v", e)
	}
}

// rootVariants are the mock's answers to a stage before the integration
// root exists, and to a post of a root that exists.
var rootVariants = []string{"documented", "root-missing-400", "root-missing-409", "root-missing-412"}

// behaving sets the mock's behavior to the named variant.
func behaving(t *testing.T, mock *p0mock.Server, variant string) {
	t.Helper()
	behavior, err := p0mock.ParseVariants(variant)
	if err != nil {
		t.Fatal(err)
	}
	mock.SetBehavior(behavior)
}

// TestAWSRootPostedOnceUnderConcurrency stages ten components at once on an
// organization without an integration root, whatever P0 answers to a stage
// that comes too early: the root is posted once, first, and no stage fails.
func TestAWSRootPostedOnceUnderConcurrency(t *testing.T) {
	for _, variant := range rootVariants {
		t.Run(variant, func(t *testing.T) {
			ctx := context.Background()
			client, mock := newMockClient(t)
			behaving(t, mock, variant)
			var wg sync.WaitGroup
			errs := make(chan error, 10)
			for i := range 10 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- client.StageAWSComponent(ctx, p0.ComponentInventory, fmt.Sprintf("1000000000%02d", i))
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			requests := mock.Requests()
			if n := mock.Count(rootEndpoint); n != 1 || requests[0].Method+" "+requests[0].Path != "POST /o/"+testOrg+"/integrations/aws/config" {
				t.Fatalf("root posted %d times, first request %s %s; want exactly once, first", n, requests[0].Method, requests[0].Path)
			}
			for _, r := range requests {
				if r.Status >= 300 {
					t.Fatalf("%s %s answered %d: no stage may come before the root", r.Method, r.Path, r.Status)
				}
			}
			if n := len(mock.AWSIntegration()[p0.ComponentInventory]); n != 10 {
				t.Fatalf("%d items staged, want 10", n)
			}
		})
	}
}

// TestAWSRootThatExists posts the root once per client, whether P0 answers
// a post of a root that exists with {"ok": true} or 409.
func TestAWSRootThatExists(t *testing.T) {
	for _, variant := range rootVariants {
		t.Run(variant, func(t *testing.T) {
			ctx := context.Background()
			client, mock := newMockClient(t)
			behaving(t, mock, variant)
			mock.SetAWSItem(p0.ComponentIAMWrite, "123456789012", p0.AWSItem{State: p0.StateInstalled})
			for _, account := range []string{"100000000001", "100000000002"} {
				if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
					t.Fatal(err)
				}
			}
			if n := mock.Count(rootEndpoint); n != 1 {
				t.Fatalf("root posted %d times, want 1 per client", n)
			}
		})
	}
}

// TestAWSStageConflict takes a 409 to a stage to mean that the item exists
// only once a read finds it.
func TestAWSStageConflict(t *testing.T) {
	ctx := context.Background()
	const account = "123456789012"
	const stageEndpoint = "/o/{org}/integrations/aws/config/{component}/{id}"

	client, mock := newMockClient(t)
	mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateConfigure})
	if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatalf("stage of an existing item: %v, want nil", err)
	}
	if got, _ := mock.AWSItem(p0.ComponentInventory, account); got.State != p0.StateConfigure {
		t.Fatalf("existing item is in state %q, want it left in configure", got.State)
	}
	if n := mock.Count("GET " + stageEndpoint); n != 1 {
		t.Fatalf("%d reads after the 409, want 1", n)
	}

	// A 409 for an item that does not exist is P0 saying something else.
	mock.FailNext(http.MethodPut, stageEndpoint, http.StatusConflict, "integration is being changed")
	err := client.StageAWSComponent(ctx, p0.ComponentInventory, "210987654321")
	if e := apiError(t, err); e.StatusCode != http.StatusConflict || e.Message != "integration is being changed" {
		t.Fatalf("stage answered 409 for a missing item: %+v, want that 409", e)
	}
}

func TestAWSStageUnknownComponentIsNotFound(t *testing.T) {
	client, mock := newMockClient(t)
	err := client.StageAWSComponent(context.Background(), "no-such-component", "123456789012")
	if !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	if n := mock.Count(rootEndpoint); n != 1 {
		t.Fatalf("root posted %d times, want 1 (then the 404 is final)", n)
	}
}

// TestAWSItemReadsShared reads an item several times around writes: reads
// share a request until the client changes the item.
func TestAWSItemReadsShared(t *testing.T) {
	ctx := context.Background()
	client, mock := newMockClient(t)
	const account = "123456789012"
	getEndpoint := "GET /o/{org}/integrations/aws/config/{component}/{id}"
	if err := client.StageAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		got, err := client.GetAWSComponent(ctx, p0.ComponentInventory, account)
		if err != nil || got.Item.State != p0.StateStage {
			t.Fatalf("item = %+v, %v", got, err)
		}
	}
	if n := mock.Count(getEndpoint); n != 1 {
		t.Fatalf("%d GETs for three reads, want 1", n)
	}
	if err := client.VerifyAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	got, err := client.GetAWSComponent(ctx, p0.ComponentInventory, account)
	if err != nil || got.Item.State != p0.StateConfigure {
		t.Fatalf("item after verify = %+v, %v; want a new read", got, err)
	}
	if n := mock.Count(getEndpoint); n != 2 {
		t.Fatalf("%d GETs, want 2", n)
	}
	// A change behind the client's back is not seen within its life; a
	// new client (the next Terraform operation) sees it.
	mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateStage})
	if got, _ := client.GetAWSComponent(ctx, p0.ComponentInventory, account); got.Item.State != p0.StateConfigure {
		t.Fatalf("state = %s; the read was not shared", got.Item.State)
	}
	if err := client.DeleteAWSComponent(ctx, p0.ComponentInventory, account); err != nil {
		t.Fatal(err)
	}
	if _, err := client.GetAWSComponent(ctx, p0.ComponentInventory, account); !errors.Is(err, p0.ErrNotFound) {
		t.Fatalf("read after delete: %v, want ErrNotFound", err)
	}
}

// TestReconfigureWaitsForAWS sends an installed item's configuration again
// while P0 refuses to verify its role, as it does until AWS has made a
// changed role usable: the client tries again until the refusal stops, and
// gives up with P0's refusal when its time runs out.
func TestReconfigureWaitsForAWS(t *testing.T) {
	const account = "232323232323"
	configure := "POST /o/{org}/integrations/aws/config/{component}/{id}/configure"
	fast := func(cfg *p0.Config) {
		cfg.VerifyWaitMin, cfg.VerifyWaitMax = 10*time.Millisecond, 40*time.Millisecond
	}
	install := func(mock *p0mock.Server) {
		mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateInstalled, Label: "kept"})
		mock.FailVerification(account, "could not assume role P0RoleInventory")
	}

	t.Run("refused for a while", func(t *testing.T) {
		client, mock := newMockClient(t, fast)
		install(mock)
		time.AfterFunc(150*time.Millisecond, func() { mock.ClearVerificationFailure(account) })
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := client.ReconfigureAWSComponentWhenReady(ctx, p0.ComponentInventory, account, p0.AWSItem{Label: "kept"}); err != nil {
			t.Fatal(err)
		}
		if n := mock.Count(configure); n < 2 {
			t.Errorf("configure sent %d times; want the refusals tried again", n)
		}
		if item, _ := mock.AWSItem(p0.ComponentInventory, account); item.State != p0.StateInstalled || item.Label != "kept" {
			t.Errorf("item = %+v, want it installed with its configuration", item)
		}
	})

	t.Run("refused until the time runs out", func(t *testing.T) {
		client, mock := newMockClient(t, fast)
		install(mock)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		err := client.ReconfigureAWSComponentWhenReady(ctx, p0.ComponentInventory, account, p0.AWSItem{Label: "kept"})
		if !p0.IsVerificationRefusal(err) {
			t.Fatalf("error = %v, want P0's refusal", err)
		}
		if n := mock.Count(configure); n < 2 {
			t.Errorf("configure sent %d times; want the refusals tried again", n)
		}
	})
	t.Run("time runs out before P0 answers a retry", func(t *testing.T) {
		var calls atomic.Int32
		client := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) > 1 {
				// The retry is never answered. Reading the body first lets
				// the server see the client hang up.
				_, _ = io.Copy(io.Discard, r.Body)
				<-r.Context().Done()
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error":"could not assume role P0RoleInventory"}`)
		}, 0, fast)
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		err := client.ReconfigureAWSComponentWhenReady(ctx, p0.ComponentInventory, account, p0.AWSItem{Label: "kept"})
		if !p0.IsVerificationRefusal(err) || !strings.Contains(err.Error(), "could not assume role") {
			t.Fatalf("error = %v, want P0's last refusal rather than the deadline", err)
		}
		if n := calls.Load(); n != 2 {
			t.Errorf("configure sent %d times; want the refusal and one unanswered retry", n)
		}
	})
}
