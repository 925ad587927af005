package roles_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/provider"
)

func TestMain(m *testing.M) { acctest.Main(m, provider.Tuned) }
