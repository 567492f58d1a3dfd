import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OverviewView from './views/OverviewView.vue'
import UnitsView from './views/UnitsView.vue'
import SettingsView from './views/SettingsView.vue'
import ImportView from './views/ImportView.vue'
import ReportsView from './views/ReportsView.vue'
import PlansView from './views/PlansView.vue'
import PlanEditView from './views/PlanEditView.vue'
import ProducersView from './views/ProducersView.vue'
import ProductsView from './views/ProductsView.vue'
import ProductView from './views/ProductView.vue'
import StarsView from './views/StarsView.vue'
import RoundsView from './views/RoundsView.vue'
import HistoryView from './views/HistoryView.vue'
import ExchangeView from './views/ExchangeView.vue'

/** The product's sections, in sidebar order; `navKey` names the label in the catalogue. */
export const SECTIONS = [
  { path: '/', name: 'overview', component: OverviewView },
  { path: '/san-pham', name: 'products', component: ProductsView },
  { path: '/xep-hang-sao', name: 'stars', component: StarsView },
  { path: '/chu-the', name: 'producers', component: ProducersView },
  { path: '/don-vi', name: 'units', component: UnitsView },
  { path: '/ke-hoach', name: 'plans', component: PlansView },
  { path: '/dot-danh-gia', name: 'rounds', component: RoundsView },
  { path: '/nhap-du-lieu', name: 'import', component: ImportView },
  { path: '/trao-doi-du-lieu', name: 'exchange', component: ExchangeView },
  { path: '/lich-su-thay-doi', name: 'history', component: HistoryView },
  { path: '/bao-cao', name: 'reports', component: ReportsView },
  { path: '/cai-dat', name: 'settings', component: SettingsView },
] as const

export type SectionName = (typeof SECTIONS)[number]['name']

export function createAppRouter() {
  const routes: RouteRecordRaw[] = SECTIONS.map((s) => ({ ...s }))
  // A product's page belongs to the Sản phẩm section of the sidebar.
  routes.push({
    path: '/san-pham/:id',
    name: 'product',
    component: ProductView,
    meta: { section: 'products' },
  })
  // A plan's pages belong to Kế hoạch.
  routes.push(
    {
      path: '/ke-hoach/moi',
      name: 'plan-new',
      component: PlanEditView,
      meta: { section: 'plans' },
    },
    {
      path: '/ke-hoach/:id',
      name: 'plan',
      // ECharts is loaded with the plan page only, not at start.
      component: () => import('./views/PlanView.vue'),
      meta: { section: 'plans' },
    },
    {
      path: '/ke-hoach/:id/sua',
      name: 'plan-edit',
      component: PlanEditView,
      meta: { section: 'plans' },
    },
  )
  // A round's page belongs to Đợt đánh giá.
  routes.push({
    path: '/dot-danh-gia/:id',
    name: 'round',
    component: () => import('./views/RoundView.vue'),
    meta: { section: 'rounds' },
  })
  // The register of issued documents belongs to Báo cáo.
  routes.push({
    path: '/bao-cao/da-phat-hanh',
    name: 'issued',
    component: () => import('./views/IssuedView.vue'),
    meta: { section: 'reports' },
  })
  // Revocation decisions are reached from Xếp hạng sao's certificates tab, and belong to it.
  routes.push({
    path: '/thu-hoi',
    name: 'revocations',
    component: () => import('./views/RevocationsView.vue'),
    meta: { section: 'stars' },
  })
  routes.push({ path: '/:pathMatch(.*)*', redirect: '/' })
  // Hash history: the packaged app has no server to answer deep links.
  return createRouter({ history: createWebHashHistory(), routes })
}
